package io.colmena.infra;

import io.colmena.platform.test.ServiceFoundationTests;

/** infra-service boots against the local infrastructure with everything platform-starter promises. */
class InfraServiceIT extends ServiceFoundationTests {}
