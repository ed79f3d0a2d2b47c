package io.colmena.identity;

import io.colmena.platform.test.ServiceFoundationTests;

/** identity-service boots against the local infrastructure with everything platform-starter promises. */
class IdentityServiceIT extends ServiceFoundationTests {}
