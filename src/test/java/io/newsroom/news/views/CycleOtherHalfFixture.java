package io.newsroom.news.views;

import io.newsroom.news.featured.CycleHalfFixture;

/** The other half of the package cycle made on purpose: LayoutTest shows its rule catches it. */
public final class CycleOtherHalfFixture {
    CycleHalfFixture other;
}
