import * as assert from 'node:assert/strict';
import { barsHeight, countTicks, durationTicks, horizontalBars, linearScale, linePath, plotPoints, timeTicks } from '../../../src/webview/chart/geometry';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('metrics chart geometry', () => {
  it('maps a domain onto a range, reversed ranges included, and an empty domain onto the start', () => {
    const x = linearScale({ from: 0, to: 100 }, { from: 200, to: 600 });
    assert.equal(x(0), 200);
    assert.equal(x(25), 300);
    assert.equal(x(100), 600);
    const y = linearScale({ from: 0, to: 10 }, { from: 190, to: 10 });
    assert.equal(y(0), 190);
    assert.equal(y(5), 100);
    assert.equal(linearScale({ from: 3, to: 3 }, { from: 7, to: 9 })(3), 7);
  });

  it('gives whole-number count ticks up to a round top', () => {
    assert.deepEqual(countTicks(0), [0, 1]);
    assert.deepEqual(countTicks(3), [0, 1, 2, 3]);
    assert.deepEqual(countTicks(7), [0, 2, 4, 6, 8]);
    assert.deepEqual(countTicks(37), [0, 10, 20, 30, 40]);
  });

  it('gives duration ticks on steps a responder reads at a glance', () => {
    assert.deepEqual(durationTicks(50 * MINUTE), [0, 15, 30, 45, 60].map((m) => m * MINUTE));
    assert.deepEqual(durationTicks(9.5 * HOUR), [0, 2, 4, 6, 8, 10].map((h) => h * HOUR));
    assert.deepEqual(durationTicks(5 * HOUR), [0, 1, 2, 3, 4, 5].map((h) => h * HOUR));
    assert.deepEqual(durationTicks(5 * HOUR, 4), [0, 2, 4, 6].map((h) => h * HOUR));
    assert.deepEqual(durationTicks(0), [0, MINUTE]);
    assert.deepEqual(durationTicks(3 * MINUTE), [0, 1, 2, 3].map((m) => m * MINUTE));
    assert.deepEqual(durationTicks(400 * 86_400_000), [0, 90, 180, 270, 360, 450].map((d) => d * 86_400_000), 'past the longest step: whole months');
  });

  it('spaces time ticks evenly, one tick when the span is empty', () => {
    assert.deepEqual(timeTicks(1000, 5000), [1000, 2000, 3000, 4000, 5000]);
    assert.deepEqual(timeTicks(1000, 1000), [1000]);
  });

  it('lays out stacked horizontal bars row by row, negatives as zero', () => {
    const rows = horizontalBars([[10, 30], [40], [-5, 20]], { left: 200, width: 400, top: 8, rowHeight: 18, gap: 8, max: 40 });
    assert.deepEqual(rows, [
      { y: 8, height: 18, segments: [{ x: 200, width: 100, value: 10 }, { x: 300, width: 300, value: 30 }] },
      { y: 34, height: 18, segments: [{ x: 200, width: 400, value: 40 }] },
      { y: 60, height: 18, segments: [{ x: 200, width: 0, value: 0 }, { x: 200, width: 200, value: 20 }] },
    ]);
    assert.equal(barsHeight(3, { rowHeight: 18, gap: 8 }), 70);
    assert.equal(barsHeight(0, { rowHeight: 18, gap: 8 }), 0);
  });

  it('plots (time, value) points with time to the right and values upwards', () => {
    const area = { left: 72, top: 10, width: 600, height: 180 };
    const points = plotPoints([{ at: 0, value: 0 }, { at: 50, value: 30 }, { at: 100, value: 60 }], area, { from: 0, to: 100 }, 60);
    assert.deepEqual(points, [{ x: 72, y: 190 }, { x: 372, y: 100 }, { x: 672, y: 10 }]);
    assert.deepEqual(plotPoints([{ at: 5, value: 60 }], area, { from: 5, to: 5 }, 60), [{ x: 372, y: 10 }], 'a single date is centred');
    assert.equal(linePath(points), 'M 72 190 L 372 100 L 672 10');
    assert.equal(linePath([{ x: 1 / 3, y: 2 / 3 }]), 'M 0.33 0.67');
    assert.equal(linePath([]), '');
  });
});
