import { cropSquare } from './photo-crop';

describe('cropSquare', () => {
  it('takes the centred largest square at zoom 1', () => {
    expect(cropSquare(1200, 800, 1)).toEqual({ x: 200, y: 0, size: 800 });
    expect(cropSquare(600, 900, 1)).toEqual({ x: 0, y: 150, size: 600 });
  });

  it('zooms in around the centre and pans to the edges, never beyond', () => {
    expect(cropSquare(1000, 1000, 2)).toEqual({ x: 250, y: 250, size: 500 });
    expect(cropSquare(1000, 1000, 2, -1, 1)).toEqual({ x: 0, y: 500, size: 500 });
    expect(cropSquare(1000, 1000, 2, -5, 5)).toEqual({ x: 0, y: 500, size: 500 });
  });

  it('treats a zoom below 1 as 1', () => {
    expect(cropSquare(400, 300, 0.5)).toEqual({ x: 50, y: 0, size: 300 });
  });
});
