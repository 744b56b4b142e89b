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
 * Gathers the innovation capacity from the modules' figure services: a dozen aggregate queries, each over its own
 * module's tables and indexes, none loading rows into Java.
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
        return new Capacity(filter, ideas.received(filter), ideas.bySource(filter), initiatives.counts(filter), ideas.stageTimes(filter),
                initiatives.phaseTimes(filter), ideas.byYear(filter), initiatives.byYear(filter),
                funding.money(filter), challenges.counts(filter), adoptions.publishedCases(filter),
                adoptions.spread(filter));
    }
}
