package io.colmena.crm;

import io.colmena.platform.test.ServiceFoundationTests;

/** crm-service boots against the local infrastructure with everything platform-starter promises. */
class CrmServiceIT extends ServiceFoundationTests {}
