package io.newsroom.news.featured;

import io.newsroom.news.views.CycleOtherHalfFixture;

/** One half of a package cycle made on purpose (featured to views and back): LayoutTest shows its rule catches it. */
public final class CycleHalfFixture {
    CycleOtherHalfFixture other;
}
