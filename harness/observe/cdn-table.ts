/**
 * Public CDNs that serve npm packages by URL, as data: how each names the package, its version and
 * the file. A theme that loads its scripts, style sheets and fonts from one of them runs offline
 * when the same package is installed (the harness answers the request from the package's files),
 * and such a host serves every site alike, so a Referer sent to it is refused by no one.
 */

/** `https://<host><prefix><package>[@<version>]/<file>`: unpkg's and jsDelivr's npm layout. */
export const NPM_CDNS: readonly { host: string; prefix: string }[] = [
  { host: 'unpkg.com', prefix: '/' },
  { host: 'cdn.jsdelivr.net', prefix: '/npm/' },
  { host: 'fastly.jsdelivr.net', prefix: '/npm/' },
  { host: 'gcore.jsdelivr.net', prefix: '/npm/' },
  { host: 'testingcf.jsdelivr.net', prefix: '/npm/' },
  { host: 'npm.elemecdn.com', prefix: '/' },
  { host: 'unpkg.zhimg.com', prefix: '/' },
];

/**
 * `https://cdnjs.cloudflare.com/ajax/libs/<library>/<version>/<file>`: cdnjs names libraries its own
 * way; each row is a library whose cdnjs files sit at the same paths in an npm package.
 */
export const CDNJS = {
  host: 'cdnjs.cloudflare.com',
  prefix: '/ajax/libs/',
  packages: {
    'font-awesome': '@fortawesome/fontawesome-free', // NexT 8's style sheet
    'animate.css': 'animate.css',
    jquery: 'jquery',
    fancybox: '@fancyapps/fancybox',
    pjax: 'pjax',
  } as Record<string, string>,
};

/**
 * Packages published to a CDN as copies of other npm packages: `<mirror>@<any version>/<folder><package>/<file>`
 * is `<package>`'s `<file>`. The copy's version is the mirror's, not the package's: any installed
 * version is used, and the note names it.
 */
export const MIRRORS: readonly { mirror: string; folder: string; why: string }[] = [{ mirror: 'volantis-static', folder: 'libs/', why: 'volantis 5 copies jQuery, vanilla-lazyload, pjax, Font Awesome, fancybox and others into libs/<package>/' }];

/** Hosts that serve any site's assets and refuse no Referer (every host above). */
export const PUBLIC_CDN_HOSTS: ReadonlySet<string> = new Set([...NPM_CDNS.map((cdn) => cdn.host), CDNJS.host]);
