package io.colmena.catalog;

import io.colmena.platform.test.ServiceFoundationTests;

/** catalog-service boots against the local infrastructure with everything platform-starter promises. */
class CatalogServiceIT extends ServiceFoundationTests {}
