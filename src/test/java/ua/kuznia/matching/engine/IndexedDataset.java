package ua.kuznia.matching.engine;

/**
 * A random dataset loaded into the engine's parts, without the engine around them: for
 * properties of the index and the bounds that the engine's API does not expose.
 */
record IndexedDataset(CompiledRuleSet rules, OfferScreens screens, ProfileIndex profiles, OfferIndex offers, OfferRanker ranker) {

    static IndexedDataset of(RandomDatasets.Dataset data) {
        CompiledRuleSet rules = new CompiledRuleSet(data.ruleSet());
        AreaTable areas = new AreaTable();
        Interner certifications = new Interner();
        Interner transferTypes = new Interner();
        OfferScreens screens = new OfferScreens();
        ProfileIndex profiles = new ProfileIndex(areas, certifications, transferTypes, screens);
        OfferIndex offers = new OfferIndex(areas, certifications, transferTypes, screens);
        data.offers().forEach(offer -> offers.upsert(offer, rules));
        data.profiles().forEach(profiles::upsert);
        return new IndexedDataset(rules, screens, profiles, offers, new OfferRanker(profiles, rules));
    }
}
