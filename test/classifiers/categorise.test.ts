import { describe, expect, it } from 'vitest';
import { createCategoriser } from '../../src/classifiers/categorise.js';
import { parseDiffText } from '../../src/diff/parse.js';
import { diffFileContext } from './helpers.js';

// One test file, two hunks: a test function removed, and a comment changed.
const diff = `diff --git a/client/client_test.go b/client/client_test.go
index 1111111..2222222 100644
--- a/client/client_test.go
+++ b/client/client_test.go
@@ -10,6 +10,2 @@ import (
 
-func TestS3Cache(t *testing.T) {
-	run(t, "s3")
-}
-
 func TestLocal(t *testing.T) {
@@ -40,2 +36,2 @@ func helper() {
-// helper runs the client
+// helper runs the client against a worker
 func run(t *testing.T, name string) {
`;

describe('createCategoriser', () => {
  it('puts a file in every category one of its hunks is in, other included', async () => {
    const { files } = await parseDiffText(diff);
    const [file] = files;
    if (!file) throw new Error('the diff has one file');
    const findings = await createCategoriser().classify(file, diffFileContext());
    expect(findings.map((finding) => finding.message)).toEqual(['test TestS3Cache removed from client/client_test.go']);
    expect(file.hunks.map((hunk) => hunk.categories)).toEqual([['removed-tests'], ['other']]);
    expect(file.categories).toEqual(['removed-tests', 'other']);
    expect(file.otherKind).toBe('test');
  });
});
