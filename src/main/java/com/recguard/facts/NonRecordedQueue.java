package com.recguard.facts;


/** A row of consent/non-recorded-queues.csv: the queue a refused caller on this dialled line goes to. */
public record NonRecordedQueue(String line, String queue) {}
