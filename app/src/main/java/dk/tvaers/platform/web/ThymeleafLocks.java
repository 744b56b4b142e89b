package dk.tvaers.platform.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.thymeleaf.engine.AttributeDefinitions;
import org.thymeleaf.engine.AttributeNames;
import org.thymeleaf.engine.ElementDefinitions;
import org.thymeleaf.engine.ElementNames;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Thymeleaf (3.1.5 to 3.1.7) looks up every attribute and element name that is not standard HTML (SVG's {@code d},
 * {@code viewBox}, {@code data-*}, {@code aria-*}, …) under a <em>fair</em> read-write lock. Fair means a reader
 * queues behind any thread already queued, so one writer (a name seen for the first time) on a saturated CPU starts a
 * convoy that feeds itself: under the 200-user load test Java Flight Recorder found on average about 80 request
 * threads parked on these locks, and the pages with SVG charts and maps, which take the lock hundreds of times per
 * page, waited longest (bench/README.md, ADR 0050; upstream: thymeleaf/thymeleaf pull request 938, open since
 * 2023). Before the first request this swaps each repository's lock for a non-fair one: the same mutual exclusion,
 * readers no longer queue behind readers. When a Thymeleaf upgrade renames these fields, this logs a warning and
 * changes nothing, and {@code ThymeleafLocksTests} fails, so the upgrade is checked.
 */
@Component
class ThymeleafLocks implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ThymeleafLocks.class);

    private final SpringTemplateEngine engine;

    ThymeleafLocks(SpringTemplateEngine engine) {
        this.engine = engine;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            int swapped = swap(engine);
            log.debug("Thymeleaf's name repositories use non-fair locks ({})", swapped);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Thymeleaf's name repositories keep their fair locks (its internals changed?)", e);
        }
    }

    /** Swaps the locks of the engine's and the static name repositories; returns how many. */
    static int swap(SpringTemplateEngine engine) throws ReflectiveOperationException {
        int swapped = 0;
        for (Object repository : repositories(engine)) {
            ReadWriteLock lock = new ReentrantReadWriteLock(false);
            set(repository, "lock", lock);
            set(repository, "readLock", lock.readLock());
            set(repository, "writeLock", lock.writeLock());
            swapped++;
        }
        return swapped;
    }

    /** Every name repository: per template mode, in the engine's definitions and in the static name caches. */
    static List<Object> repositories(SpringTemplateEngine engine) throws ReflectiveOperationException {
        var configuration = engine.getConfiguration(); // initialises the engine
        List<Object> repositories = new ArrayList<>();
        collect(configuration.getAttributeDefinitions(), AttributeDefinitions.class, repositories);
        collect(configuration.getElementDefinitions(), ElementDefinitions.class, repositories);
        collect(null, AttributeNames.class, repositories);
        collect(null, ElementNames.class, repositories);
        if (repositories.isEmpty()) {
            throw new NoSuchFieldException("no name repositories found in Thymeleaf");
        }
        return repositories;
    }

    static ReentrantReadWriteLock lockOf(Object repository) throws ReflectiveOperationException {
        Field field = repository.getClass().getDeclaredField("lock");
        field.setAccessible(true);
        return (ReentrantReadWriteLock) field.get(repository);
    }

    private static void collect(Object owner, Class<?> type, List<Object> into) throws ReflectiveOperationException {
        for (Field field : type.getDeclaredFields()) {
            boolean isStatic = Modifier.isStatic(field.getModifiers());
            if (field.getType().getSimpleName().endsWith("Repository") && isStatic == (owner == null)) {
                field.setAccessible(true);
                Object repository = field.get(owner);
                if (repository != null) {
                    into.add(repository);
                }
            }
        }
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
