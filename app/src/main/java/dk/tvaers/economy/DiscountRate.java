package dk.tvaers.economy;

/**
 * The default discount rate of a business case: the Danish state's socio-economic discount rate, 3.5 % real a
 * year for the years 0–35 (Finansministeriet; 2.5 % for the years 36–70, which a business case of at most
 * {@link Plan#MAX_HORIZON_YEARS} years never reaches). Pages show the value and this source
 * ({@code economy.discount.source}).
 */
public final class DiscountRate {

    /** 3.5 % in basis points. */
    public static final int STATE_DEFAULT_BASIS_POINTS = 350;

    private DiscountRate() {}
}
