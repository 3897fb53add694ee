import { resolve } from 'node:path';

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

/** `--extra=NAME=FILE,…`: other builds of the drop-in file to weigh against this one, as a Map of name → absolute path. */
export function extraBuilds(args) {
  return new Map(
    (args.get('extra') ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [name, ...path] = pair.split('=');
        return [name, resolve(path.join('='))];
      }),
  );
}
