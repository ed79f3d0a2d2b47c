package io.colmena.ticket.ticket;

/** Where a ticket came in: the client portal, e-mail, WhatsApp, or the public API. */
public enum Channel { PORTAL, EMAIL, WHATSAPP, API }
