// One place for the lifecycle every e2e suite needs: open a fresh workbench before the suite,
// screenshot a failing test, close everything after.
import { Workbench } from './workbench';

/** Registers the suite hooks and returns a getter for the suite's workbench. */
export function useWorkbench(options: { fixture?: string } = {}): () => Workbench {
  let workbench: Workbench | undefined;

  before(async () => {
    workbench = await Workbench.open(options);
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed') await workbench?.screenshot(`failed-${test.title.replace(/\W+/g, '-')}`);
  });
  after(async () => {
    await workbench?.close();
  });

  return () => {
    if (!workbench) throw new Error('the workbench is not open (did the before hook fail?)');
    return workbench;
  };
}
