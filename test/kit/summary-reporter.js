// Prints one plain closing line ("N passed, N failed, N skipped") that CI reads as the test count.
class SummaryReporter {
  onRunComplete(_contexts, r) {
    const suitesFailed = r.numFailedTestSuites;
    process.stdout.write(
      `\njest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped\n`,
    );
    if (suitesFailed > 0 && r.numFailedTests === 0)
      process.stdout.write(`(${suitesFailed} test files failed to run)\n`);
  }
}
module.exports = SummaryReporter;
