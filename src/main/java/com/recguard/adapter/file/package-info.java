/**
 * File-backed adapters of the service's ports: the legal-hold register ({@code holds.json}) and the
 * decision log ({@code decisions.log}, JSON lines). Their formats are the json package's; the files,
 * their atomic writes and forced appends are here.
 */
package com.recguard.adapter.file;
