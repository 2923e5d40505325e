/** A small HTTP/1.1 codec for UNIX sockets: message heads, fixed, chunked and hijacked bodies. */
package io.launcher.http;
