package dk.tvaers.funding;

import dk.tvaers.shared.Money;
import dk.tvaers.shared.Region;

/** A funding pool, e.g. 20 mio. kr. for 2012–2013. */
public record Pool(long id, String name, Region region, Money amount, int firstYear, int lastYear) {}
