package io.colmena.ticket.ticket;

/**
 * Who wrote a ticket message: the CLIENT (requester), STAFF, or the AI assistant. CLIENT users post
 * CLIENT messages only; staff post STAFF or AI messages (an AI reply relayed by staff or by a
 * staff-side service). Only a public STAFF message is a human first response.
 */
public enum AuthorType { CLIENT, STAFF, AI }
