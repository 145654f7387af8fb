# Golden vectors for the canary judge's Mann-Whitney statistics.
#
# Runs R's own wilcox.test(canary, baseline, conf.int = TRUE, conf.level = 0.98), the call the
# judge is held to, on generated samples and writes inputs and answers as JSON. The Java tests read
# the JSON and never call R. Regenerate with engine/src/test/r/generate-golden.sh (needs the Debian
# package r-base-core); the seed is fixed, so a rerun on the same R version writes the same file.
#
# Usage: Rscript wilcox-golden.R OUTPUT.json

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[[1]] else "wilcox-golden.json"
set.seed(20110)
conf <- 0.98

num <- function(v) {
  if (length(v) == 0) return("[]")
  paste0("[", paste(sprintf("%.17g", v), collapse = ","), "]")
}
str <- function(s) paste0("\"", gsub("\"", "\\\\\"", s), "\"")

# The two middle order statistics of the pairwise differences canary[i] - baseline[j]: the true
# Hodges-Lehmann median lies between them (their mean when n*m is even).
middle <- function(x, y) {
  d <- sort(as.vector(outer(x, y, `-`)))
  k <- length(d)
  if (k %% 2 == 1) c(d[(k + 1) / 2], d[(k + 1) / 2]) else c(d[k / 2], d[k / 2 + 1])
}

vector_json <- function(name, x, y) {
  r <- suppressWarnings(wilcox.test(x, y, conf.int = TRUE, conf.level = conf))
  exact <- grepl("exact", r$method, fixed = TRUE)
  mid <- middle(x, y)
  paste0("{",
    "\"name\":", str(name), ",",
    "\"canary\":", num(x), ",",
    "\"baseline\":", num(y), ",",
    "\"method\":", str(if (exact) "exact" else "normal"), ",",
    "\"statistic\":", sprintf("%.17g", unname(r$statistic)), ",",
    "\"pValue\":", sprintf("%.17g", r$p.value), ",",
    "\"lower\":", sprintf("%.17g", r$conf.int[1]), ",",
    "\"upper\":", sprintf("%.17g", r$conf.int[2]), ",",
    "\"confLevel\":", sprintf("%.17g", attr(r$conf.int, "conf.level")), ",",
    "\"estimate\":", sprintf("%.17g", unname(r$estimate)), ",",
    "\"middleLow\":", sprintf("%.17g", mid[1]), ",",
    "\"middleHigh\":", sprintf("%.17g", mid[2]),
    "}")
}

cases <- list()
add <- function(name, x, y) cases[[length(cases) + 1]] <<- vector_json(name, x, y)

# Exact regime: both samples under 50, no ties.
add("exact equal sizes, no shift", rnorm(10), rnorm(12))
add("exact small shift", rnorm(5, 2), rnorm(7))
add("exact largest sizes 49x49", rnorm(49, 0.3), rnorm(49))
add("exact unequal 3x40", rnorm(3, 1), rnorm(40))
add("exact 1x1", 3.5, 1.25)
add("exact 2x3 (98% not achievable)", c(1.5, 2.5), c(0.1, 0.7, 1.9))
add("exact 3x4", c(10.2, 11.7, 9.4), c(8.1, 8.9, 9.9, 10.05))
add("exact negative shift with scale", rnorm(30, -5, 3), rnorm(25, 0, 0.5))
add("exact latency-like lognormal", rlnorm(40, log(120), 0.2), rlnorm(45, log(100), 0.2))
add("exact with an outlier", c(rnorm(20, 50, 2), 500), rnorm(20, 50, 2))
add("exact tiny scale", rnorm(15, 0.001, 0.0002), rnorm(18, 0.0012, 0.0002))
add("exact large scale", rnorm(20, 1e6, 1e4), rnorm(22, 1.02e6, 1e4))

# Normal approximation: ties, or a sample of 50 or more.
add("normal 49x50 (baseline at 50)", rnorm(49, 0.2), rnorm(50))
add("normal 50x60", rnorm(50), rnorm(60, 0.5))
add("normal ties small integers", rpois(20, 3), rpois(25, 4))
add("normal ties hand-made", c(1, 2, 2, 3), c(2, 3, 3, 4, 5))
add("normal canary constant", rep(5, 30), rnorm(30, 5, 1))
add("normal integers 0..5", sample(0:5, 100, TRUE), sample(0:5, 120, TRUE))
add("normal integers 0..5 shifted", sample(1:6, 90, TRUE), sample(0:5, 110, TRUE))
add("normal error counts mostly zero", rpois(1440, 0.05), rpois(1440, 0.04))
add("normal zeros against some errors", rep(0, 200), c(rep(0, 190), rep(1, 8), 2, 3))
add("normal latency 1440x1440, 10% slower", rlnorm(1440, log(110), 0.3), rlnorm(1440, log(100), 0.3))
add("normal latency rounded to 1 ms", round(rlnorm(1440, log(103), 0.25)), round(rlnorm(1440, log(100), 0.25)))
add("normal large unequal 3000x2000 scale", rnorm(3000, 0, 3), rnorm(2000, 0, 1))
add("normal outliers 200x200", c(rnorm(195, 10, 1), rep(1e4, 5)), c(rnorm(198, 10, 1), 5e3, 8e3))
add("normal negative shift 500x800", rnorm(500, -0.4), rnorm(800))
add("normal large shift 300x300", rnorm(300, 6), rnorm(300))
add("normal bimodal 1000x900", c(rnorm(500, 0), rnorm(500, 10)), c(rnorm(450, 0.5), rnorm(450, 10.5)))
add("normal cpu percent 1 decimal", round(runif(1440, 20, 60), 1), round(runif(1440, 22, 62), 1))
add("normal large scale bytes", round(rnorm(700, 5e6, 2e5)), round(rnorm(650, 5.1e6, 2e5)))
add("normal tiny error rates", rbeta(600, 2, 2000), rbeta(600, 2, 1500))

# A random spread over both regimes.
for (i in 1:40) {
  n <- sample(c(1:60, 100, 250, 1000), 1)
  m <- sample(c(1:60, 100, 250, 1000), 1)
  shift <- sample(c(0, 0.1, 0.5, 2), 1)
  scale <- sample(c(0.01, 1, 100), 1)
  tied <- runif(1) < 0.4
  x <- rnorm(n, shift, 1) * scale
  y <- rnorm(m, 0, sample(c(1, 2), 1)) * scale
  if (tied) { x <- round(x / scale * 2) * scale / 2; y <- round(y / scale * 2) * scale / 2 }
  add(sprintf("random %d: %dx%d shift %g scale %g%s", i, n, m, shift, scale, if (tied) " rounded" else ""), x, y)
}

# R's exact quantile qwilcox(0.01, m, n) that places the exact 98% interval, for every size pair
# of the exact regime, and the exact two-sided p-value at a few statistics.
qrows <- c()
for (m in 1:49) for (n in 1:49) qrows <- c(qrows, sprintf("[%d,%d,%d]", m, n, qwilcox(0.01, m, n)))
prows <- c()
for (k in 1:60) {
  m <- sample(1:49, 1); n <- sample(1:49, 1); q <- sample(0:(m * n), 1)
  prows <- c(prows, sprintf("[%d,%d,%d,%.17g]", m, n, q, pwilcox(q, m, n)))
}

con <- file(out, "w")
writeLines(paste0("{\"generator\":", str(paste("engine/src/test/r/wilcox-golden.R on", R.version.string)),
                  ",\"confLevel\":", conf, ",\"vectors\":["), con)
writeLines(paste(cases, collapse = ",\n"), con)
writeLines("],\"qwilcox01\":[", con)
writeLines(paste(qrows, collapse = ","), con)
writeLines("],\"pwilcox\":[", con)
writeLines(paste(prows, collapse = ","), con)
writeLines("]}", con)
close(con)
cat("wrote", length(cases), "vectors to", out, "\n")
