package ua.kuznia.search;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the search page; Ukrainian in messages/search_msg_uk.properties. */
@MessageBundle(value = "search_msg", locale = "en")
public interface SearchMessages {

    @Message("Words")
    String text();

    @Message("Capability area")
    String area();

    @Message("any")
    String any();

    @Message("Country (ISO code, e.g. UA, DE)")
    String country();

    @Message("Minimum TRL")
    String min_trl();

    @Message("Search")
    String search();

    @Message("Offers ({total})")
    String offers(long total);

    @Message("Manufacturer profiles ({total})")
    String profiles(long total);

    @Message("Nothing found.")
    String nothing();

    @Message("candidates")
    String candidates();

    @Message("EDRPOU")
    String edrpou();
}
