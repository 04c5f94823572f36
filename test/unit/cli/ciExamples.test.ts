import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const examples = path.resolve(__dirname, '..', '..', 'fixtures', 'ci-examples');

describe('cli: PR check examples for the README', () => {
  for (const name of ['github-actions.yml', 'gitlab-ci.yml']) {
    it(`${name} runs lint and verify --base against the target branch`, () => {
      const text = fs.readFileSync(path.join(examples, name), 'utf8');
      assert.match(text, /^\s*-? ?(run: )?firebreak lint /m);
      assert.match(text, /firebreak verify --base "origin\/\$\{?\{? ?[A-Za-z_.]+/);
      assert.match(text, /(fetch-depth: 0|GIT_DEPTH: "0")/);
      assert.doesNotMatch(text, /\t/);
    });
  }
});
