package info.magnolia.init;

/**
 * TEST ONLY - part of the Magnolia host model: the webapp's {@code magnolia.properties} as Magnolia
 * hands them out ({@code info.magnolia.init.MagnoliaConfigurationProperties}, a {@code PropertySource}:
 * {@code getProperty(String)} answers null for a key nobody set). Each instance has its own.
 * Never packed into the module jar.
 */
public interface MagnoliaConfigurationProperties {
    String getProperty(String key);
}
