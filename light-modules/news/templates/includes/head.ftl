[#ftl output_format="HTML"]
[#-- What every news page puts in its <head>: encoding, viewport, stylesheet, feed, Magnolia's page hook. --]
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${ctx.contextPath}/.resources/news/webresources/css/news.css">
<link rel="alternate" type="application/rss+xml" title="${i18n['news.site.feed']}" href="${ctx.contextPath}/news/feed.xml">
[@cms.page /]
