package io.colmena.ai;

import io.colmena.platform.test.ServiceFoundationTests;

/** ai-service boots against the local infrastructure with everything platform-starter promises. */
class AiServiceIT extends ServiceFoundationTests {}
