package ua.kuznia.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Suggests partnerships: for each open offer, the top K published profiles that pass every hard
 * rule, ranked by the weighted soft rules of the current rule set (score descending, then
 * profile id ascending).
 *
 * <p>Each offer's ranking is computed when first asked for ({@link #topKForOffer},
 * {@link #fullMatch}) and then kept current: a profile change touches only the rankings that
 * hold the profile and those of offers it may now enter (found by a scan of the open offers
 * listed under its capabilities' areas, screened by a score bound), and reports the rankings it
 * changed. Each ranking keeps some profiles beyond its top K, so one leaving seldom forces a
 * rescan. A ranking is dropped, and recomputed when next asked for, when its offer changes or the
 * rule set does. Profile changes report changes only of rankings that had been computed, so a
 * caller that persists suggestions should call {@link #fullMatch} once after loading and after
 * each rule-set change, and {@link #topKForOffer} after each offer change.
 *
 * <p>Thread-safe: a read-write lock lets queries of computed rankings and explanations run
 * concurrently, while changes, and queries that must first compute a ranking, run one at a time.
 * {@link #fullMatch} holds the write lock and spreads the offers over its own worker threads.
 */
public final class MatchEngine {

    private static final int OFFERS_PER_TASK = 16;
    private static final Comparator<TopKChange> BY_OFFER = Comparator.comparingLong(TopKChange::offerId);
    /** Bits of a sort key that hold the change's index; the offer id takes the rest. */
    private static final int INDEX_BITS = 20;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AreaTable areas = new AreaTable();
    private final Interner certifications = new Interner();
    private final Interner transferTypes = new Interner();
    private final OfferScreens screens = new OfferScreens();
    private final ProfileIndex profiles = new ProfileIndex(areas, certifications, transferTypes, screens);
    private final OfferIndex offers = new OfferIndex(areas, certifications, transferTypes, screens);
    private final Holdings holdings = new Holdings();
    private CompiledRuleSet rules;
    private OfferRanker ranker;
    private long retiredPairsScored;
    private int[] topSlots;
    private double[] topScores;
    /** Scratch of {@link #upsertProfile}: the offers that passed the screen. */
    private OfferIndex.Entry[] passingEntries = new OfferIndex.Entry[64];
    /** Keeps the reads of {@link #touchPassing} from being optimised away. */
    private int touched;

    /** The fewest candidates of an offer its ranking bounds by band (see {@link OfferRanker#BANDED_FROM}). */
    private final int bandedFrom;

    public MatchEngine(RuleSetData ruleSet) {
        this(ruleSet, OfferRanker.BANDED_FROM);
    }

    /** As {@link #MatchEngine(RuleSetData)}; tests bound every offer by band with 0. */
    MatchEngine(RuleSetData ruleSet, int bandedFrom) {
        this.bandedFrom = bandedFrom;
        useRuleSet(ruleSet);
    }

    public RuleSetData ruleSet() {
        return read(() -> rules.data);
    }

    /** Replaces the rule set; every ranking is recomputed when next asked for. */
    public void setRuleSet(RuleSetData ruleSet) {
        write(() -> {
            useRuleSet(ruleSet);
            offers.replan(rules);
            holdings.clear();
            return null;
        });
    }

    /**
     * Adds or replaces a profile and brings the computed rankings up to date: the rankings that
     * hold it, and those of the offers it may now enter.
     *
     * @return the offers whose top K changed, with their new top K, by offer id
     */
    public List<TopKChange> upsertProfile(ProfileData profile) {
        return write(() -> {
            int existing = profiles.slotOf(profile.id());
            ProfileData before = existing >= 0 ? profiles.profile(existing) : null;
            int slot = profiles.upsert(profile);
            // After the upsert, which interns any new area of the profile.
            CapabilityEdit edit = before == null ? null : CapabilityEdit.between(before, profile, areas);
            int[] holding = holdings.take(slot);
            offers.startCollection();
            for (int offerSlot : holding) {
                offers.mark(offerSlot);
            }
            int entering = !profile.published() || edit != null && !edit.canEnter ? 0
                    : offers.collectCandidates(profiles, slot, true, rules, edit == null ? -1L : edit.changed);
            List<TopKChange> changes = new ArrayList<>();
            touched += touchHolding(holding);
            for (int offerSlot : holding) {
                OfferIndex.Entry entry = offers.entry(offerSlot);
                if (edit != null && !edit.reaches(entry.plan)) {
                    // Scores as before: the ranking keeps the profile where it is.
                    holdings.add(slot, offerSlot);
                    continue;
                }
                // The ranking held the profile, so it passed the offer's other hard rules, and a
                // capability edit changed none of the facts they read: only the capabilities are
                // scored, without the publication, clearance, risk and certification lookups.
                double score = edit != null ? ranker.scoreHeldPair(entry.plan, slot, rules.minScore())
                        : ranker.scorePair(entry.plan, slot, rules.minScore());
                moveWithin(entry, slot, profile.id(), score, changes);
            }
            // Screened first: most offers are ruled out without reading their plan or ranking.
            int passed = screenEntering(slot, entering);
            touched += touchPassing(passed);
            for (int i = 0; i < passed; i++) {
                OfferIndex.Entry entry = passingEntries[i];
                double bar = entry.ranking.entryBar(rules.minScore());
                // Collected offers are open, and the profile is published and passes their
                // clearance, risk and certification rules: only the capabilities remain to check.
                enter(entry, slot, profile.id(), ranker.scoreScreenedPair(entry.plan, slot, bar), bar, changes);
            }
            Arrays.fill(passingEntries, 0, passed, null);
            sortByOffer(changes);
            return changes;
        });
    }

    /** @return the offers whose top K changed, with their new top K, by offer id */
    public List<TopKChange> removeProfile(long profileId) {
        return write(() -> {
            int slot = profiles.slotOf(profileId);
            if (slot < 0) {
                return List.of();
            }
            int[] holding = holdings.take(slot);
            // Removed first, so that an offer rescored below cannot rank the profile again.
            profiles.remove(profileId);
            List<TopKChange> changes = new ArrayList<>();
            touched += touchHolding(holding);
            for (int offerSlot : holding) {
                moveWithin(offers.entry(offerSlot), slot, profileId, Double.NaN, changes);
            }
            sortByOffer(changes);
            return changes;
        });
    }

    /** Adds or replaces an offer; its ranking is computed when next asked for. */
    public void upsertOffer(OfferData offer) {
        write(() -> {
            dropRanking(offers.get(offer.id()));
            OfferIndex.Entry entry = offers.upsert(offer, rules);
            profiles.requireLevels(entry.plan);
            return entry;
        });
    }

    /**
     * Fills the level bitmaps offers have asked for since the last ranking now, rather than at the
     * next ranking (see {@link ProfileIndex#fillRequiredLevels}): the index is then complete, to
     * be weighed or timed as a whole.
     */
    public void completeIndex() {
        write(() -> {
            profiles.fillRequiredLevels();
            return null;
        });
    }

    /** @return false if the offer was not indexed */
    public boolean removeOffer(long offerId) {
        return write(() -> {
            dropRanking(offers.get(offerId));
            return offers.remove(offerId);
        });
    }

    /** The offer's suggestions, best first; empty for an unknown or closed offer. */
    public List<ScoredMatch> topKForOffer(long offerId) {
        return readOrCompute(() -> {
            OfferIndex.Entry entry = offers.get(offerId);
            if (entry == null || !entry.data.open()) {
                return List.of();
            }
            if (entry.ranking == null) {
                return null;
            }
            return entry.ranking.top(rules.topK(), offerId);
        }, () -> ensureRanked(offers.get(offerId)));
    }

    /**
     * The offers that have this profile in their top K, by offer id; empty for an unknown profile.
     * Under the write lock, unlike the other queries: finding the offers that may hold the profile
     * uses the offer index's collection scratch, which two readers at once would share. Only a
     * retry after a failure asks, so it costs no reader anything.
     */
    public List<ScoredMatch> matchesForProfile(long profileId) {
        return write(() -> {
            int slot = profiles.slotOf(profileId);
            if (slot < 0) {
                return List.of();
            }
            // Rankings not computed yet may hold the profile once they are.
            offers.candidatesFor(profiles, slot, rules).forEach((int offerSlot) -> ensureRanked(offers.entry(offerSlot)));
            List<ScoredMatch> matches = new ArrayList<>();
            for (int offerSlot : holdings.offersHoldingCopy(slot)) {
                OfferIndex.Entry entry = offers.entry(offerSlot);
                int at = entry.ranking.indexOf(slot);
                if (at < rules.topK()) {
                    matches.add(new ScoredMatch(entry.data.id(), profileId, entry.ranking.scores[at]));
                }
            }
            matches.sort(Comparator.comparingLong(ScoredMatch::offerId));
            return matches;
        });
    }

    /**
     * Ranks every open offer.
     *
     * @param parallelism worker threads, at most the available processors
     * @return each open offer's top K, best first
     */
    public Map<Long, List<ScoredMatch>> fullMatch(int parallelism) {
        return write(() -> {
            List<OfferIndex.Entry> open = offers.openEntries();
            // Before the workers start: they only read the bitmaps.
            profiles.fillRequiredLevels();
            int threads = Math.max(1, Math.min(parallelism, Runtime.getRuntime().availableProcessors()));
            if (threads == 1) {
                for (OfferIndex.Entry entry : open) {
                    entry.ranking = ranker.rank(entry.plan);
                }
            } else {
                rankInParallel(open, threads);
            }
            holdings.clear();
            for (OfferIndex.Entry entry : open) {
                holdings.remember(entry.plan.slot, entry.ranking);
                screens.setEntryBar(entry.plan.slot, entry.ranking, rules.minScore());
            }
            Map<Long, List<ScoredMatch>> result = new HashMap<>(open.size() * 2);
            for (OfferIndex.Entry entry : open) {
                result.put(entry.data.id(), entry.ranking.top(rules.topK(), entry.data.id()));
            }
            return result;
        });
    }

    public Map<Long, List<ScoredMatch>> fullMatch() {
        return fullMatch(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Rule-by-rule account of the pair, whatever its state.
     *
     * @throws NoSuchElementException if the offer or the profile is not indexed
     */
    public Explanation explain(long offerId, long profileId) {
        return readOrCompute(() -> {
            OfferIndex.Entry entry = offers.get(offerId);
            int slot = profiles.slotOf(profileId);
            if (entry == null) {
                throw new NoSuchElementException("offer " + offerId + " is not indexed");
            }
            if (slot < 0) {
                throw new NoSuchElementException("profile " + profileId + " is not indexed");
            }
            Integer rank = null;
            if (entry.data.open()) {
                if (entry.ranking == null) {
                    return null;
                }
                int at = entry.ranking.indexOf(slot);
                rank = at >= 0 && at < rules.topK() ? at + 1 : null;
            }
            return Explainer.explain(profiles.profile(slot), entry.data, rules, rank);
        }, () -> {
            OfferIndex.Entry entry = offers.get(offerId);
            if (entry != null && entry.data.open()) {
                ensureRanked(entry);
            }
        });
    }

    /**
     * Whether the index holds exactly this offer: an edit of what matching does not read (a title,
     * a description) then changes no ranking and no explanation.
     */
    public boolean holds(OfferData offer) {
        return read(() -> {
            OfferIndex.Entry entry = offers.get(offer.id());
            return entry != null && entry.data.equals(offer);
        });
    }

    /** As {@link #holds(OfferData)}, for a profile. */
    public boolean holds(ProfileData profile) {
        return read(() -> {
            int slot = profiles.slotOf(profile.id());
            return slot >= 0 && profiles.profile(slot).equals(profile);
        });
    }

    public int profileCount() {
        return read(profiles::size);
    }

    public int offerCount() {
        return read(offers::size);
    }

    /**
     * Pairs the scoring loop has evaluated since the engine was created: a measure of how much
     * the bitmap pre-filter leaves to score.
     */
    public long pairsScored() {
        return read(() -> retiredPairsScored + ranker.pairsScored());
    }

    private void useRuleSet(RuleSetData ruleSet) {
        if (ranker != null) {
            retiredPairsScored += ranker.pairsScored();
        }
        rules = new CompiledRuleSet(ruleSet);
        ranker = new OfferRanker(profiles, rules, bandedFrom);
        topSlots = new int[rules.topK()];
        topScores = new double[rules.topK()];
    }

    private void ensureRanked(OfferIndex.Entry entry) {
        ensureRanked(entry, rules.bufferCapacity());
    }

    /** As {@link #ensureRanked(OfferIndex.Entry)}, into a buffer of the given capacity. */
    private void ensureRanked(OfferIndex.Entry entry, int capacity) {
        if (entry != null && entry.data.open() && entry.ranking == null) {
            profiles.fillRequiredLevels();
            entry.ranking = ranker.rank(entry.plan, capacity);
            holdings.remember(entry.plan.slot, entry.ranking);
            screens.setEntryBar(entry.plan.slot, entry.ranking, rules.minScore());
        }
    }

    private void dropRanking(OfferIndex.Entry entry) {
        if (entry != null && entry.ranking != null) {
            holdings.forget(entry.plan.slot, entry.ranking);
            entry.ranking = null;
            screens.setEntryBar(entry.plan.slot, null, rules.minScore());
        }
    }

    /**
     * Screens the offers the profile may now enter (see {@link OfferScreens#bound}) and keeps
     * those that pass in {@link #passingEntries}.
     *
     * @return how many passed
     */
    private int screenEntering(int slot, int entering) {
        ProfileScreen screen = profiles.screen(slot, rules);
        int passed = 0;
        for (int i = 0; i < entering; i++) {
            int offerSlot = offers.candidateSlot(i);
            if (screens.bound(offerSlot, screen, offers.bestSpecificity(offerSlot), offers.bestReadiness(offerSlot),
                    offers.largestMonthly(offerSlot)) >= screens.entryBar(offerSlot)) {
                if (passed == passingEntries.length) {
                    passingEntries = Arrays.copyOf(passingEntries, 2 * passed);
                }
                passingEntries[passed++] = offers.entry(offerSlot);
            }
        }
        return passed;
    }

    /** As {@link #touchPassing}, for the rankings a changed profile was in. */
    private int touchHolding(int[] holding) {
        if (passingEntries.length < holding.length) {
            passingEntries = new OfferIndex.Entry[holding.length];
        }
        for (int i = 0; i < holding.length; i++) {
            passingEntries[i] = offers.entry(holding[i]);
        }
        int sink = touchPassing(holding.length);
        Arrays.fill(passingEntries, 0, holding.length, null);
        return sink;
    }

    /**
     * Reads what entering each passing offer will read, one level of pointers at a time: the
     * offer's entry, then its ranking and plan, then their arrays and the holdings of the
     * profile a full ranking would push out. Entering one offer is a chain of dependent cache
     * misses (about 2 µs on the 2-core machine, most of it waiting); the loads of one level are
     * independent across offers, so the processor overlaps them, and entering then finds them
     * in the cache.
     *
     * @return a value derived from the loads, so that they are not optimised away
     */
    private int touchPassing(int passed) {
        int sink = 0;
        for (int i = 0; i < passed; i++) {
            OfferIndex.Entry entry = passingEntries[i];
            sink += (entry.ranking == null ? 0 : 1) + (entry.plan == null ? 0 : 1);
        }
        for (int i = 0; i < passed; i++) {
            OfferIndex.Entry entry = passingEntries[i];
            sink += entry.ranking.size + entry.plan.minTrl;
        }
        for (int i = 0; i < passed; i++) {
            OfferIndex.Entry entry = passingEntries[i];
            TopKBuffer ranking = entry.ranking;
            // Entering scans the ranking from its end, shifts it, and copies its top K: every
            // cache line of its arrays (8 ids or scores, 16 slots to a line).
            for (int at = 0; at < ranking.size; at += 8) {
                sink += (int) ranking.scores[at] + (int) ranking.ids[at] + ranking.slots[at];
            }
            sink += entry.plan.touchTables();
            if (ranking.size == ranking.slots.length) {
                sink += holdings.touch(ranking.slots[ranking.size - 1]);
            }
        }
        return sink;
    }

    /**
     * Moves a profile the ranking holds to its new place, or out of it (a score below the
     * minimum). The caller has {@link Holdings#take taken} the profile's holdings: they are
     * given back for the rankings it stays in.
     */
    private void moveWithin(OfferIndex.Entry entry, int slot, long profileId, double score, List<TopKChange> changes) {
        TopKBuffer ranking = entry.ranking;
        int at = ranking.indexOf(slot);
        if (score >= rules.minScore() && ranking.staysAt(at, profileId, score)) {
            // The common case of a small edit: the score moves but not past a neighbour. The entry
            // is rewritten where it is, without copying the top K to compare and moving the rest.
            holdings.add(slot, entry.plan.slot);
            if (ranking.scores[at] != score) {
                ranking.scores[at] = score;
                screens.setEntryBar(entry.plan.slot, ranking, rules.minScore());
                if (at < rules.topK()) {
                    changes.add(ranking.change(rules.topK(), entry.data.id()));
                }
            }
            return;
        }
        int before = ranking.copyTop(rules.topK(), topSlots, topScores);
        ranking.removeAt(at);
        if (score >= rules.minScore()) {
            insert(entry, slot, profileId, score);
        }
        finishUpdate(entry, before, changes);
    }

    /**
     * Lets a profile the ranking does not hold in, if it reaches the bar. A possibly suggested
     * profile kept out of a full buffer marks it truncated, so the buffer no longer claims to
     * hold every suggested profile.
     */
    private void enter(OfferIndex.Entry entry, int slot, long profileId, double score, double bar, List<TopKChange> changes) {
        TopKBuffer ranking = entry.ranking;
        if (!(score >= rules.minScore())) {
            return;
        }
        if (score < bar) {
            if (ranking.size == ranking.slots.length && !ranking.truncated) {
                ranking.truncated = true;
                screens.setEntryBar(entry.plan.slot, ranking, rules.minScore());
            }
            return;
        }
        insert(entry, slot, profileId, score);
        // The ranking only grew, so it cannot have run dry; its top K changed if the profile
        // entered it.
        screens.setEntryBar(entry.plan.slot, ranking, rules.minScore());
        int k = rules.topK();
        if (ranking.lastInsertedAt >= 0 && ranking.lastInsertedAt < k) {
            changes.add(ranking.change(k, entry.data.id()));
        }
    }

    private void insert(OfferIndex.Entry entry, int slot, long profileId, double score) {
        int outcome = entry.ranking.offer(slot, profileId, score);
        if (outcome != TopKBuffer.LEFT_OUT) {
            holdings.add(slot, entry.plan.slot);
        }
        if (outcome >= 0) {
            holdings.remove(outcome, entry.plan.slot);
        }
    }

    /**
     * Rescores the offer if the buffer behind its top K ran dry, into a larger buffer (see
     * {@link CompiledRuleSet#grownCapacity}), and records whether the top K changed.
     */
    private void finishUpdate(OfferIndex.Entry entry, int before, List<TopKChange> changes) {
        int k = rules.topK();
        if (entry.ranking.truncated && entry.ranking.size < k) {
            int capacity = rules.grownCapacity(entry.ranking.slots.length);
            dropRanking(entry);
            ensureRanked(entry, capacity);
        }
        screens.setEntryBar(entry.plan.slot, entry.ranking, rules.minScore());
        if (!entry.ranking.topEquals(k, before, topSlots, topScores)) {
            changes.add(entry.ranking.change(k, entry.data.id()));
        }
    }

    /**
     * Sorts the changes by offer id. A busy profile's edit changes a hundred rankings or more,
     * and each change sits in its own stretch of memory next to its copied top K: comparing the
     * objects themselves cost more than finding the changes. So the ids are sorted as packed
     * primitive keys (id, then the change's index) in one contiguous array.
     */
    private static void sortByOffer(List<TopKChange> changes) {
        int count = changes.size();
        if (count < 2) {
            return;
        }
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            long id = changes.get(i).offerId();
            if (id < 0 || id >= 1L << (63 - INDEX_BITS) || count >= 1 << INDEX_BITS) {
                // Ids too large to pack: compare the objects.
                changes.sort(BY_OFFER);
                return;
            }
            keys[i] = id << INDEX_BITS | i;
        }
        Arrays.sort(keys);
        TopKChange[] sorted = new TopKChange[count];
        for (int i = 0; i < count; i++) {
            sorted[i] = changes.get((int) (keys[i] & ((1 << INDEX_BITS) - 1)));
        }
        for (int i = 0; i < count; i++) {
            changes.set(i, sorted[i]);
        }
    }

    private void rankInParallel(List<OfferIndex.Entry> open, int threads) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "match-engine-full-match");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Long>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> rankShare(open, next)));
            }
            for (Future<Long> worker : workers) {
                retiredPairsScored += worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during full match", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("full match failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Takes offers in small batches until none are left, so a thread with cheap offers takes more of them. */
    private long rankShare(List<OfferIndex.Entry> open, AtomicInteger next) {
        OfferRanker worker = new OfferRanker(profiles, rules, bandedFrom);
        for (int from = next.getAndAdd(OFFERS_PER_TASK); from < open.size(); from = next.getAndAdd(OFFERS_PER_TASK)) {
            for (int i = from; i < Math.min(from + OFFERS_PER_TASK, open.size()); i++) {
                OfferIndex.Entry entry = open.get(i);
                entry.ranking = worker.rank(entry.plan);
            }
        }
        return worker.pairsScored();
    }

    private <T> T read(Supplier<T> action) {
        return locked(lock.readLock(), action);
    }

    private <T> T write(Supplier<T> action) {
        return locked(lock.writeLock(), action);
    }

    /**
     * Answers under the read lock when the rankings it needs are computed ({@code query} returns
     * non-null); otherwise computes them under the write lock and answers there.
     */
    private <T> T readOrCompute(Supplier<T> query, Runnable compute) {
        T answer = read(query);
        if (answer != null) {
            return answer;
        }
        return write(() -> {
            compute.run();
            return query.get();
        });
    }

    private static <T> T locked(Lock lock, Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
