// Loaded with --import by the benchmark: reports the process's peak resident memory when it exits.
process.on('exit', () => {
  process.stderr.write(`max-rss-kib ${process.resourceUsage().maxRSS}\n`);
});
