package dk.tvaers.challenges;

import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.util.Set;

/** A wicked problem as staff or an organisation submits it: what it is, whom it affects, in which sectors. */
public record NewWickedProblem(String title, String description, String affected, Set<Sector> sectors,
        Region region) {}
