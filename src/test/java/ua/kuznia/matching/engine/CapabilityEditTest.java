package ua.kuznia.matching.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.kuznia.matching.engine.Fixtures.capability;
import static ua.kuznia.matching.engine.Fixtures.offer;
import static ua.kuznia.matching.engine.Fixtures.profile;
import static ua.kuznia.matching.engine.Fixtures.rules;

import org.junit.jupiter.api.Test;

/** Which offers a capability edit reaches, and whether it may lift the profile into new rankings. */
class CapabilityEditTest {

    private final AreaTable areas = new AreaTable();
    private final CompiledRuleSet compiled = new CompiledRuleSet(rules().build());

    private final ProfileData before = profile().capabilities(
            capability("munitions.artillery-155", 7, 7, 400), capability("radar.counter-battery", 6, 6, 10)).build();

    private OfferPlan plan(String... offerAreas) {
        return new OfferPlan(0, offer().areas(offerAreas).build(), areas, new Interner(), new Interner(), compiled);
    }

    private CapabilityEdit edit(ProfileData after) {
        before.capabilities().forEach(c -> areas.intern(c.area()));
        after.capabilities().forEach(c -> areas.intern(c.area()));
        return CapabilityEdit.between(before, after, areas);
    }

    @Test
    void aCapacityCutReachesItsAreaAndAncestorsOnlyAndLiftsTheProfileNowhere() {
        CapabilityEdit edit = edit(profile().capabilities(
                capability("munitions.artillery-155", 7, 7, 300), capability("radar.counter-battery", 6, 6, 10)).build());
        assertFalse(edit.canEnter);
        assertEquals(0b01, edit.changed);
        assertTrue(edit.reaches(plan("munitions.artillery-155")));
        assertTrue(edit.reaches(plan("munitions")));
        assertFalse(edit.reaches(plan("radar.counter-battery")), "the unchanged capability's offers score as before");
        assertFalse(edit.reaches(plan("munitions.artillery-155.shells-he")), "a descendant area is not covered by the capability");
    }

    @Test
    void aRaisedLevelOrCapacityMayLiftTheProfileIntoNewRankings() {
        assertTrue(edit(profile().capabilities(
                capability("munitions.artillery-155", 8, 7, 400), capability("radar.counter-battery", 6, 6, 10)).build()).canEnter);
        assertTrue(edit(profile().capabilities(
                capability("munitions.artillery-155", 7, 7, 400), capability("radar.counter-battery", 6, 7, 10)).build()).canEnter);
        assertTrue(edit(profile().capabilities(
                capability("munitions.artillery-155", 7, 7, 401), capability("radar.counter-battery", 6, 6, 10)).build()).canEnter);
    }

    @Test
    void aMovedCapabilityReachesBothItsOldAndItsNewArea() {
        CapabilityEdit edit = edit(profile().capabilities(
                capability("munitions.artillery-155", 7, 7, 400), capability("ew.jamming", 6, 6, 10)).build());
        assertTrue(edit.canEnter);
        assertTrue(edit.reaches(plan("radar")));
        assertTrue(edit.reaches(plan("ew.jamming")));
        assertFalse(edit.reaches(plan("munitions.artillery-155")));
    }

    @Test
    void aRemovedCapabilityReachesItsAreaAndAnAddedOneMayEnter() {
        CapabilityEdit removed = edit(profile().capabilities(capability("munitions.artillery-155", 7, 7, 400)).build());
        assertFalse(removed.canEnter);
        assertTrue(removed.reaches(plan("radar.counter-battery")));
        CapabilityEdit added = edit(profile().capabilities(capability("munitions.artillery-155", 7, 7, 400),
                capability("radar.counter-battery", 6, 6, 10), capability("armor", 5, 5, 1)).build());
        assertTrue(added.canEnter);
        assertEquals(0b100, added.changed);
    }

    @Test
    void anEditOfAnythingButCapabilitiesIsNoCapabilityEdit() {
        assertNull(edit(profile().capabilities(before.capabilities().toArray(Capability[]::new)).certifications("AQAP-2110").build()));
        assertNull(edit(profile().capabilities(before.capabilities().toArray(Capability[]::new)).published(false).build()));
        assertNull(edit(profile().capabilities(before.capabilities().toArray(Capability[]::new)).riskTier(4).build()));
    }
}
