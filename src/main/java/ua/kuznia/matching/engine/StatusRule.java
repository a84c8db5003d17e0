package ua.kuznia.matching.engine;

/** Only open offers and published profiles are matched. */
final class StatusRule implements HardRule {

    @Override
    public String id() {
        return "status";
    }

    @Override
    public String descriptionEn() {
        return "The offer is open and the manufacturer's profile is published.";
    }

    @Override
    public String descriptionUk() {
        return "Пропозиція відкрита, а профіль виробника опубліковано.";
    }

    @Override
    public Outcome evaluate(PairFacts facts) {
        boolean open = facts.offer.open();
        boolean published = facts.profile.published();
        return new Outcome(open && published,
                "offer open, profile published",
                "offer " + (open ? "open" : "not open") + ", profile " + (published ? "published" : "not published"),
                "пропозиція відкрита, профіль опубліковано",
                "пропозиція " + (open ? "відкрита" : "не відкрита")
                        + ", профіль " + (published ? "опубліковано" : "не опубліковано"));
    }
}
