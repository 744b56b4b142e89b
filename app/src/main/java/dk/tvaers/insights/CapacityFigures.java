package dk.tvaers.insights;

import dk.tvaers.catalog.Adoptions;
import dk.tvaers.challenges.ChallengeFigures;
import dk.tvaers.funding.FundingFigures;
import dk.tvaers.ideas.IdeaFigures;
import dk.tvaers.initiatives.InitiativeFigures;
import dk.tvaers.shared.FigureFilter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers the innovation capacity from the modules' figure services: nine aggregate queries (and one per call for
 * its applications), each over its own module's tables, summaries and indexes, none loading rows into Java.
 */
@Service
public class CapacityFigures {

    private final IdeaFigures ideas;
    private final InitiativeFigures initiatives;
    private final FundingFigures funding;
    private final ChallengeFigures challenges;
    private final Adoptions adoptions;

    CapacityFigures(IdeaFigures ideas, InitiativeFigures initiatives, FundingFigures funding,
            ChallengeFigures challenges, Adoptions adoptions) {
        this.ideas = ideas;
        this.initiatives = initiatives;
        this.funding = funding;
        this.challenges = challenges;
        this.adoptions = adoptions;
    }

    @Transactional(readOnly = true)
    public Capacity of(FigureFilter filter) {
        IdeaFigures.Counts ideaCounts = ideas.counts(filter);
        InitiativeFigures.Summary initiativeSummary = initiatives.summary(filter);
        return new Capacity(filter, ideaCounts.received(), ideaCounts.bySource(), initiativeSummary.counts(),
                ideas.stageTimes(filter), initiatives.phaseTimes(filter), ideaCounts.byYear(),
                initiativeSummary.byYear(), funding.money(filter), challenges.counts(filter),
                adoptions.publishedCases(filter), adoptions.spread(filter));
    }
}
