package dk.tvaers.insights;

import dk.tvaers.catalog.Adoptions;
import dk.tvaers.challenges.ChallengeFigures;
import dk.tvaers.funding.FundingFigures;
import dk.tvaers.ideas.IdeaFigures;
import dk.tvaers.initiatives.InitiativeFigures;
import dk.tvaers.shared.FigureFilter;
import dk.tvaers.shared.StageTime;
import dk.tvaers.shared.YearCount;
import java.util.List;

/** The innovation capacity for one filter: every figure of the page, each from the module it belongs to. */
public record Capacity(
        FigureFilter filter,
        IdeaFigures.Received ideas,
        List<IdeaFigures.SourceCount> ideasBySource,
        InitiativeFigures.Counts initiatives,
        List<StageTime> ideaStages,
        List<StageTime> initiativePhases,
        List<YearCount> ideasByYear,
        List<YearCount> initiativesByYear,
        FundingFigures.Money money,
        ChallengeFigures.Counts challenges,
        long publishedCases,
        Adoptions.Spread spread) {

    /** Share of initiatives with two or more sectors, in whole per cent (0 when there are none). */
    public int crossSectorPercent() {
        return initiatives.initiatives() == 0 ? 0
                : (int) Math.round(100.0 * initiatives.crossSector() / initiatives.initiatives());
    }

    public dk.tvaers.shared.Money granted() {
        return new dk.tvaers.shared.Money(money.grantedOre());
    }

    public dk.tvaers.shared.Money released() {
        return new dk.tvaers.shared.Money(money.releasedOre());
    }

    public dk.tvaers.shared.Money paid() {
        return new dk.tvaers.shared.Money(money.paidOre());
    }

    /** One step of the funnel: its label key and count. */
    public record Step(String labelKey, long count) {}

    /** The funnel idea → initiative → Nyttigt → Nyttiggjort, for initiatives started from ideas. */
    public List<Step> funnel() {
        return List.of(new Step("insights.funnel.ideas", ideas.received()),
                new Step("insights.funnel.initiatives", initiatives.fromIdeas()),
                new Step("insights.funnel.useful", initiatives.fromIdeasUseful()),
                new Step("insights.funnel.putToUse", initiatives.fromIdeasPutToUse()));
    }
}
