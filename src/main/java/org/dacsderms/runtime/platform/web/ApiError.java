package org.dacsderms.runtime.platform.web;

/**
 * The JSON body of every 4xx and 5xx answer of the runtime. The message is written by the runtime for the caller;
 * it never carries exception text, payloads or credentials.
 */
public record ApiError(String code, String message, String trackingId) {}
