package ua.kuznia.matching.engine;

/**
 * A random dataset loaded into the engine's parts, without the engine around them: for
 * properties of the index and the bounds that the engine's API does not expose.
 */
record IndexedDataset(CompiledRuleSet rules, OfferScreens screens, ProfileIndex profiles, OfferIndex offers, OfferRanker ranker) {

    static IndexedDataset of(RandomDatasets.Dataset data) {
        return of(data, 0);
    }

    /**
     * @param paddingTypes how many transfer types to intern before the data's, so that theirs get
     *        ids from this one up (the taxonomy has fewer than 16: masks by id mod 16 and mod 32
     *        would otherwise never wrap)
     */
    static IndexedDataset of(RandomDatasets.Dataset data, int paddingTypes) {
        CompiledRuleSet rules = new CompiledRuleSet(data.ruleSet());
        AreaTable areas = new AreaTable();
        Interner certifications = new Interner();
        Interner transferTypes = new Interner();
        for (int i = 0; i < paddingTypes; i++) {
            transferTypes.intern("padding-" + i);
        }
        OfferScreens screens = new OfferScreens();
        ProfileIndex profiles = new ProfileIndex(areas, certifications, transferTypes, screens);
        OfferIndex offers = new OfferIndex(areas, certifications, transferTypes, screens);
        data.offers().forEach(offer -> profiles.requireLevels(offers.upsert(offer, rules).plan));
        data.profiles().forEach(profiles::upsert);
        profiles.fillRequiredLevels();
        return new IndexedDataset(rules, screens, profiles, offers, new OfferRanker(profiles, rules));
    }
}
