package ua.kuznia.matching.engine;

/** A manufacturer that is itself looking for this kind of partnership is more likely to follow through. */
final class SeekingFitRule implements SoftRule {

    @Override
    public String id() {
        return "seeking-fit";
    }

    @Override
    public String descriptionEn() {
        return "The manufacturer says it is looking for this: half for seeking an area related to an offer area"
                + " (the same, above or below it), half for seeking the offer's transfer type.";
    }

    @Override
    public String descriptionUk() {
        return "Виробник сам шукає таку співпрацю: половина — якщо він шукає напрям, пов'язаний із напрямом пропозиції"
                + " (той самий, вищий або нижчий), половина — якщо шукає тип передачі, який пропонують.";
    }

    @Override
    public int featureIndex() {
        return Features.SEEKING_FIT;
    }

    @Override
    public Value evaluate(PairFacts facts) {
        String relatedArea = null;
        for (String sought : facts.profile.seekingAreas()) {
            for (String area : facts.offer.areas()) {
                if (AreaCodes.related(sought, area)) {
                    relatedArea = sought;
                }
            }
        }
        String type = facts.offer.transferType();
        boolean seeksType = facts.profile.seekingTransferTypes().contains(type);
        String basis = (relatedArea == null ? "seeks no related area" : "seeks related area " + relatedArea)
                + "; " + (seeksType ? "seeks " : "does not seek ") + type;
        String basisUk = (relatedArea == null ? "не шукає пов'язаного напряму" : "шукає пов'язаний напрям " + relatedArea)
                + "; " + (seeksType ? "шукає тип передачі " : "не шукає типу передачі ") + type;
        return new Value(Features.seekingFit(relatedArea != null, seeksType), basis, basisUk);
    }
}
