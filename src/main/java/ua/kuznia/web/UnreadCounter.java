package ua.kuznia.web;

import ua.kuznia.identity.Caller;

/** Counts what is waiting for a user, for the badge in every page's header. */
public interface UnreadCounter {

    long unread(Caller caller);
}
