package dev.golive.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link PostgresServer} as a parameter: {@code @ExtendWith(PostgresServerExtension.class)},
 * then {@code @BeforeEach void setUp(PostgresServer postgres) { url = postgres.createDatabase(); }}.
 * The server starts the first time a test asks for it and stops when the whole test run ends,
 * so all test classes share one and pay for its start once.
 */
public final class PostgresServerExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresServerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public PostgresServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store is closed when the run ends, which closes the server.
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(PostgresServer.class, type -> PostgresServer.start(), PostgresServer.class);
    }
}
