/**
 * The benchmark scripts' options, `--key=value` or `--key` (then "true"), as a Map. A value may itself hold `=`
 * (`--extra=old=/path/a=b.js`).
 */
export function cliOptions(argv = process.argv.slice(2)) {
  return new Map(
    argv.map((arg) => {
      const [key, ...value] = arg.replace(/^--/, '').split('=');
      return [key, value.length ? value.join('=') : 'true'];
    }),
  );
}
