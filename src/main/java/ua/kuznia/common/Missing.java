package ua.kuznia.common;

import java.util.function.Function;

/**
 * What a "not found" problem names, in every page language: the API answers "Offer 5 does not
 * exist", a Ukrainian page shows "Пропозиції 5 не існує".
 */
public enum Missing {
    OFFER(ViolationMessages::missing_offer),
    PROFILE(ViolationMessages::missing_profile),
    MATCH(ViolationMessages::missing_match),
    ORGANIZATION(ViolationMessages::missing_organization),
    AID_RECORD(ViolationMessages::missing_aid_record),
    KIEL_RELEASE(ViolationMessages::missing_kiel_release),
    MATCHING_JOB(ViolationMessages::missing_matching_job),
    MEMBER(ViolationMessages::missing_member),
    NOTIFICATION(ViolationMessages::missing_notification);

    private final Function<ViolationMessages, String> noun;

    Missing(Function<ViolationMessages, String> noun) {
        this.noun = noun;
    }

    /** The noun as it stands before the id in {@link ViolationMessages#not_found}. */
    public String in(ViolationMessages messages) {
        return noun.apply(messages);
    }
}
