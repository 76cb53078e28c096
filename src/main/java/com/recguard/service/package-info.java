/**
 * The service core: events in, decisions made, actions carried out durably. Outside systems are
 * reached only through the ports of this package ({@link ConversationSource},
 * {@link ActionHandler}), which the adapters implement; the core itself imports no outside library.
 */
package com.recguard.service;
