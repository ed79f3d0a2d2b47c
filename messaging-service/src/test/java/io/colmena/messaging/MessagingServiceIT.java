package io.colmena.messaging;

import io.colmena.platform.test.ServiceFoundationTests;

/** messaging-service boots against the local infrastructure with everything platform-starter promises. */
class MessagingServiceIT extends ServiceFoundationTests {}
