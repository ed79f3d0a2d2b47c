package io.colmena.ticket;

import io.colmena.platform.test.ServiceFoundationTests;

/** ticket-service boots against the local infrastructure with everything platform-starter promises. */
class TicketServiceIT extends ServiceFoundationTests {}
