package dk.tvaers.platform.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Makes {@link ErrorSummary} available to every template as {@code #errorSummary} (fragments/forms :: errorSummary). */
@Component
class ErrorSummaryDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final ErrorSummary SUMMARY = new ErrorSummary();

    ErrorSummaryDialect() {
        super("tvaers-error-summary");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("errorSummary");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return SUMMARY;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
