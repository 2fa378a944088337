[#ftl output_format="HTML"]
[#-- Breadcrumbs (Home > ... > this page) with their schema.org BreadcrumbList. Set before including:
     crumbNames and crumbPaths (site paths below the context path, in the page's language; the last
     one is this page and is not a link). --]
<nav class="news-breadcrumbs" aria-label="${i18n['news.site.breadcrumbs']}">
  <ol class="news-breadcrumbs__list">
    [#list crumbNames as name]
    <li class="news-breadcrumbs__item">[#if name?has_next]<a class="news-breadcrumbs__link" href="${ctx.contextPath}${crumbPaths[name?index]}">${name}</a>[#else]<span aria-current="page">${name}</span>[/#if]</li>
    [/#list]
  </ol>
</nav>
<script type="application/ld+json">${newsfn.breadcrumbJsonLd(crumbNames, crumbPaths?map(p -> newsfn.absoluteUrl(ctx.request, ctx.contextPath + p)))?no_esc}</script>
