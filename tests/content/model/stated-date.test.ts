// A dated fact is never more precise than the passage it links (src/content/model/stated-date.ts),
// checked against tests/fixtures/dated-statements.json, the hand-checked list of every dated
// statement in the sources with the date each passage itself gives.
import { describe, expect, it } from 'vitest';
import { placesOf, statedAt, statedDate, statedIn } from '../../../src/content/model/stated-date.ts';
import { slugOf } from '../../../src/content/model/index.ts';
import { model } from '../../helpers/model.ts';
import { statements } from '../../helpers/dated-statements.ts';


describe('the date of a fact as a passage states it', () => {
  it('is, at every passage stating every event, the date that passage gives', () => {
    const site = model();
    let checked = 0;
    for (const e of site.events.filter((x) => x.group === 'context')) {
      for (const place of placesOf(e)) {
        const truth = statements.find((s) => s.event === e.id && slugOf(s.procedure) === place.slug && s.anchor === place.anchor);
        expect(truth, `${e.id} at ${place.slug} ${place.anchor} is in the fixture`).toBeDefined();
        const got = statedAt(e, place);
        expect({ date: got.date, endDate: got.endDate }, `${e.id} at ${place.slug} ${place.anchor}`).toEqual({ date: truth!.date, endDate: truth!.endDate });
        // A date the passage does not print is one the event's note derives.
        if (!got.printed) expect(e.note, `${e.id}: derived date without a note`).toBeTruthy();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('cuts a day to the month or year the passage prints, and keeps a printed span', () => {
    expect(statedDate('2015-12-21', undefined, 'the EPCA signed in 2015 by the EU')).toEqual({ date: '2015', printed: true });
    expect(statedDate('2016-03-20', undefined, 'before the next parliamentary elections in March 2016')).toEqual({ date: '2016-03', printed: true });
    expect(statedDate('2013-03-15', '2013-03-16', 'on 15 and 16 March 2013 a round table')).toEqual({ date: '2013-03-15', endDate: '2013-03-16', printed: true });
    expect(statedDate('2012-03-05', undefined, 'of 15 March 2012')).toEqual({ date: '2012-03', printed: true });
  });

  it('gives the 2019 and 2021 pages the EPCA as signed in 2015, the 2016 page the elections in March 2016', () => {
    const site = model();
    const epca = site.events.find((e) => e.id === 'epca-signed')!;
    expect(statedIn(epca, '2019-2610')?.date).toBe('2015');
    expect(statedIn(epca, '2021-2544')?.date).toBe('2015');
    expect(statedIn(epca, '2016-2607')?.date).toBe('2015-12-21');
    expect(statedIn(site.events.find((e) => e.id === 'elections-2016')!, '2016-2607')?.date).toBe('2016-03');
  });
});
