package dk.tvaers.platform.web;

import dk.tvaers.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Shows amounts as the reader writes them. Templates call it as {@code ${@money.format(amount)}}. */
@Component("money")
public class MoneyFormat {

    public String format(Money money) {
        return money == null ? "" : money.format(LocaleContextHolder.getLocale());
    }
}
