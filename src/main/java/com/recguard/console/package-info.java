/**
 * The read-only web console for compliance officers and auditors: each page gathered from the
 * service's ports ({@link com.recguard.service.ConsoleQueries} for what is counted and paged in the
 * database) and rendered with JTE templates (src/main/jte) precompiled at build time. The only
 * package importing the template engine; the HTTP shell ({@code http.ConsoleWeb}) owns the routes
 * and sign-in, so this package knows nothing of HTTP.
 */
package com.recguard.console;
