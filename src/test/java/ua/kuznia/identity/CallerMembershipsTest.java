package ua.kuznia.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import ua.kuznia.common.EntityChanged;
import ua.kuznia.organization.OrganizationKind;
import ua.kuznia.taxonomy.Classification;

class CallerMembershipsTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final CallerMemberships memberships = new CallerMemberships();

    CallerMembershipsTest() {
        memberships.maxAge = Duration.ofSeconds(1);
        memberships.maxEntries = 3;
        memberships.nanoTime = now::get;
    }

    private Optional<CallerMemberships.Membership> load(String code) {
        loads.incrementAndGet();
        return Optional.of(new CallerMemberships.Membership(7, code, OrganizationKind.MINISTRY, Classification.NATO_SECRET, null, null));
    }

    private Optional<CallerMemberships.Membership> manufacturer(String code, Long profileId) {
        loads.incrementAndGet();
        return Optional.of(new CallerMemberships.Membership(8, code, OrganizationKind.MANUFACTURER, Classification.NATO_SECRET,
                profileId, profileId == null ? null : Classification.NATO_CONFIDENTIAL));
    }

    @Test
    void aMembershipIsLookedUpOnceWithinMaxAgeAndAgainAfterIt() {
        memberships.find("DE-MOD", this::load);
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertEquals("DE-MOD", memberships.find("DE-MOD", this::load).orElseThrow().code());
        assertEquals(1, loads.get());
        now.addAndGet(Duration.ofMillis(1).toNanos());
        memberships.find("DE-MOD", this::load);
        assertEquals(2, loads.get());
    }

    @Test
    void aChangeForgetsEverything() {
        memberships.find("DE-MOD", this::load);
        memberships.find("PL-MON", this::load);
        memberships.forgetAll();
        memberships.find("DE-MOD", this::load);
        memberships.find("PL-MON", this::load);
        assertEquals(4, loads.get());
    }

    @Test
    void aProfileChangeForgetsItsManufacturerAndManufacturersWithoutAProfileOnly() {
        memberships.maxEntries = 10;
        memberships.find("UA-MAKER-1", code -> manufacturer(code, 41L));
        memberships.find("UA-MAKER-2", code -> manufacturer(code, 42L));
        memberships.find("UA-MAKER-NEW", code -> manufacturer(code, null));
        memberships.find("DE-MOD", this::load);
        loads.set(0);

        memberships.onEntityChanged(new EntityChanged(EntityChanged.Type.PROFILE, 41L, false));
        memberships.find("UA-MAKER-1", code -> manufacturer(code, 41L));
        assertEquals(1, loads.get(), "the changed profile's manufacturer is looked up again");
        memberships.find("UA-MAKER-NEW", code -> manufacturer(code, 43L));
        assertEquals(2, loads.get(), "a manufacturer without a profile may just have created it");
        memberships.find("UA-MAKER-2", code -> manufacturer(code, 42L));
        memberships.find("DE-MOD", this::load);
        assertEquals(2, loads.get(), "other manufacturers and ministries are kept");

        memberships.onEntityChanged(new EntityChanged(EntityChanged.Type.OFFER, 41L, false));
        memberships.find("UA-MAKER-1", code -> manufacturer(code, 41L));
        assertEquals(2, loads.get(), "an offer with the same id is another entity");
    }

    @Test
    void aLookupThatRacedAChangeIsNotKept() {
        memberships.find("DE-MOD", code -> {
            memberships.forgetAll(); // the change commits while the row is being read
            return load(code);
        });
        memberships.find("DE-MOD", this::load);
        assertEquals(2, loads.get());
    }

    @Test
    void unknownOrganizationsAreRememberedAsUnknownToo() {
        memberships.find("NO-SUCH", code -> {
            loads.incrementAndGet();
            return Optional.empty();
        });
        assertEquals(Optional.empty(), memberships.find("NO-SUCH", this::load));
        assertEquals(1, loads.get());
    }

    @Test
    void aZeroMaxAgeKeepsNothingAndTheSizeIsBounded() {
        memberships.maxAge = Duration.ZERO;
        memberships.find("DE-MOD", this::load);
        memberships.find("DE-MOD", this::load);
        assertEquals(2, loads.get());

        memberships.maxAge = Duration.ofSeconds(1);
        for (String code : new String[] {"A", "B", "C", "D"}) {
            memberships.find(code, this::load);
        }
        loads.set(0);
        memberships.find("D", this::load);
        memberships.find("A", this::load);
        assertEquals(1, loads.get(), "the bound was reached at D: only D is still kept");
    }
}
