package io.colmena.e2e.http;

/**
 * One HTTP call a scenario made through the gateway, as the report prints it.
 *
 * @param method  HTTP method
 * @param path    path and query, as sent
 * @param status  response status; 0 when no response arrived
 * @param excerpt the start of the response body on one line, secrets shortened
 * @param millis  time from sending to the whole response, in milliseconds
 */
public record HttpCall(String method, String path, int status, String excerpt, long millis) {}
