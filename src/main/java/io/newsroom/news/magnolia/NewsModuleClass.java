package io.newsroom.news.magnolia;

import info.magnolia.module.ModuleLifecycle;
import info.magnolia.module.ModuleLifecycleContext;

/**
 * The module class the descriptor names ({@code <class>}): Magnolia creates it with its public
 * no-argument constructor, starts it after the modules it depends on, and stops it at shutdown
 * before the repository closes, or to restart it when its configuration changes
 * ({@code ModuleManagerImpl}). Starting and stopping are {@link MagnoliaNews}'s; nothing here throws,
 * since Magnolia would only log it and run on.
 */
public class NewsModuleClass implements ModuleLifecycle {

    @Override
    public void start(ModuleLifecycleContext context) {
        MagnoliaNews.start(getClass().getClassLoader());
    }

    @Override
    public void stop(ModuleLifecycleContext context) {
        MagnoliaNews.stop();
    }
}
